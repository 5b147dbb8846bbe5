export type LogEventJson = {
  uuid: string;
  published: string;
  eventType: string;
  severity: string;
  displayMessage: string;
  actor: { id: string; type: string; alternateId?: string; displayName?: string };
  client: { ipAddress?: string | null };
  outcome: { result: string; reason?: string | null };
  target: Array<{ id: string; type: string; alternateId?: string; displayName?: string }>;
};

