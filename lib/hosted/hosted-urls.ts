/** Where the hosted pages and the resume step live (absolute, from ORG_URL: never from Host). */
export const hostedUrls = {
  signin: (orgUrl: string, requestId: string, error?: string) =>
    `${orgUrl}/signin?request=${encodeURIComponent(requestId)}${error ? `&error=${encodeURIComponent(error)}` : ""}`,
  consent: (orgUrl: string, requestId: string) => `${orgUrl}/consent?request=${encodeURIComponent(requestId)}`,
  resume: (orgUrl: string, authServerId: string, requestId: string) =>
    `${orgUrl}/oauth2/${encodeURIComponent(authServerId)}/v1/authorize/resume?request=${encodeURIComponent(requestId)}`,
};
