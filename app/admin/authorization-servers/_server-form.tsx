import { SelectField, TextArea, TextField } from "../_components/ui";
import type { ServerJson } from "./_server-header";

export function ServerFields({ server }: { server?: ServerJson }) {
  return (
    <div className="grid max-w-2xl grid-cols-1 gap-4">
      <TextField name="name" label="Name" defaultValue={server?.name} required />
      <TextArea name="description" label="Description" defaultValue={server?.description} rows={2} />
      <TextField name="audience" label="Audience" defaultValue={server?.audiences[0]} required hint={'The "aud" of access tokens, e.g. api://my-api or https://api.example.com.'} />
      <SelectField name="issuerMode" label="Issuer" defaultValue={server?.issuerMode ?? "ORG_URL"} options={[{ value: "ORG_URL", label: "Org URL (ORG_URL/oauth2/<id>)" }]} hint="Issuers are always built from ORG_URL." />
      <SelectField
        name="rotationMode"
        label="Signing key rotation"
        defaultValue={server?.credentials.signing.rotationMode ?? "AUTO"}
        options={[
          { value: "AUTO", label: "Automatic (every 90 days)" },
          { value: "MANUAL", label: "Manual" },
        ]}
      />
    </div>
  );
}
