import { HostedCard } from "./hosted-card";

const NOTICES = {
  expired: {
    title: "This sign-in link has expired",
    body: "Sign-in requests are valid for 10 minutes and can be used once. Go back to the application and sign in again.",
  },
  csrf: {
    title: "We could not verify this request",
    body: "This sign-in request was started in another browser or its cookies were removed. Go back to the application and sign in again.",
  },
} as const;

/** The friendly page for a sign-in or consent request that cannot continue. */
export function HostedNotice({ reason }: { reason: keyof typeof NOTICES }) {
  const notice = NOTICES[reason];
  return (
    <HostedCard>
      <h1 className="mb-3 text-xl font-semibold">{notice.title}</h1>
      <p className="text-slate-700">{notice.body}</p>
    </HostedCard>
  );
}
