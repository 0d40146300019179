import { NotFoundBody } from "@/app/_components/not-found-body";

/** A portal address with nothing disclosed behind it (never disclosed, or withdrawn), inside the portal's shell. */
export default function PortalNotFound() {
  return <NotFoundBody home="/portal" />;
}
