import { notFound } from "next/navigation";

/**
 * Any address no route matches, outside the portal and the API's routes. It answers the same 404
 * page (app/not-found.tsx), but rendered for the request inside this document (rendered per
 * request anyway): proxy.ts gives these addresses a nonce policy, and only a page rendered for
 * the request carries the nonce. The prerendered 404 page would have its scripts refused.
 */
export default function Missing(): never {
  notFound();
}
