import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/current-user";

export default async function Home() {
  redirect((await getActor()) ? "/inbox" : "/login");
}
