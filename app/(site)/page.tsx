import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/current-user";
import { landingPath } from "@/lib/overview/landing";

export default async function Home() {
  const actor = await getActor();
  redirect(actor ? landingPath(actor) : "/login");
}
