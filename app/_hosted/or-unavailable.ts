import { redirect } from "next/navigation";
import { unavailableRedirect, type PageQuery } from "@/lib/hosted/unavailable-redirect";

/** A page's data, or a redirect (307) to the 503 "try again" page when the database is unavailable (unavailableRedirect). */
export async function orUnavailable<T>(path: string, query: PageQuery, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    const to = unavailableRedirect(error, path, query);
    if (to) redirect(to);
    throw error;
  }
}
