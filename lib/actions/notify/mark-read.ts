"use server";
import { markAllReadInput, markReadInput } from "@/lib/validation/notify";
import { defineAction } from "@/lib/actions/define";
import { markRead } from "@/lib/notify/queries";

/*
 * Reading one's notifications writes no audit row: it changes nothing of the budget cycle,
 * only the reader's own unread marks (like a mail client's), and touches only the caller's
 * own rows (`userId` from the session, never from the input).
 */

/** Public endpoint: marks the given notifications of the caller read (another user's ids change nothing). */
export const markNotificationsRead = defineAction({
  name: "notify.markRead",
  permission: "inbox.view",
  input: markReadInput,
  async run({ actor, db, input }) {
    return { changed: await markRead(db, actor.userId, { ids: input.ids }) };
  },
});

/** Public endpoint: marks all of the caller's notifications read, up to the newest its page showed. */
export const markAllNotificationsRead = defineAction({
  name: "notify.markAllRead",
  permission: "inbox.view",
  input: markAllReadInput,
  success: "notify.allMarked",
  async run({ actor, db, input }) {
    return { changed: await markRead(db, actor.userId, { upToId: input.upToId }) };
  },
});
