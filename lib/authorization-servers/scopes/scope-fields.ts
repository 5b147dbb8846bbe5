/** A scope's properties as a create or replace writes them (the system flag and the ids aside). */
export type ScopeFields = {
  name: string;
  displayName: string | null;
  description: string | null;
  consent: string;
  isDefault: boolean;
  optional: boolean;
  metadataPublish: string;
};

/** The row values of the fields: the name is unique per server without regard to case (nameLower). */
export function scopeRow(fields: ScopeFields) {
  return { ...fields, nameLower: fields.name.toLowerCase() };
}
