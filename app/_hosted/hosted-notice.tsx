import { HOSTED_MESSAGES } from "@/lib/http/hosted-messages";
import { HostedCard } from "./hosted-card";

/** The friendly page for a sign-in or consent request that cannot continue (text: HOSTED_MESSAGES, shared with the string-rendered pages); an error page of the shell. */
export function HostedNotice({ reason }: { reason: "expired" | "csrf" }) {
  const notice = HOSTED_MESSAGES[reason];
  return (
    <HostedCard touchPoint="error">
      <h1 className="mb-3 text-xl font-semibold">{notice.title}</h1>
      <p className="text-slate-700">{notice.text}</p>
    </HostedCard>
  );
}
