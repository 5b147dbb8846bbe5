import { validationError } from "../../okta-api/admin-api-error";

/** E0000001 for a brought secret another app has (the refusal does not say which app). */
export function secretTakenError(field: string) {
  return validationError(field, [`${field}: This client secret cannot be used; choose another one.`]);
}
