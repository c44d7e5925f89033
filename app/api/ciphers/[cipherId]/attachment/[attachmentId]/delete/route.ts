import { apiRoute } from "@/lib/bitwarden/route";
import { type AttachmentParams, deleteAttachmentRoute } from "../delete-attachment";

export const dynamic = "force-dynamic";

/** The older apps' way to delete an attachment (POST instead of DELETE). */
export const POST = apiRoute<AttachmentParams>(deleteAttachmentRoute);
