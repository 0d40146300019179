import { preflight, serve } from "@/lib/opendata/api-http";
import { openApiDocument } from "@/lib/opendata/api-openapi";

/** The API's OpenAPI 3.1 document (generated from the zod schemas that shape its answers). */
export async function GET(request: Request): Promise<Response> {
  return serve(request, async () => ({ status: 200, body: openApiDocument() }));
}
export const OPTIONS = preflight;
