import { z } from "zod";
import { id, list } from "./common";

/** Mark some of one's notifications read (at most a page of them). */
export const markReadInput = z.strictObject({ ids: list(id, 100) });

/** Mark all of one's notifications read up to the newest the page showed (its id), so ones that arrived since stay unread. */
export const markAllReadInput = z.strictObject({ upToId: id });
