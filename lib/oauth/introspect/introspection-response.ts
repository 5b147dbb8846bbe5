/** RFC 7662 2.2: an inactive token gets exactly this, whatever the reason. */
export type InactiveIntrospection = { active: false };

/** An active token's answer: the top-level members in Okta's order, then the token's custom claims. */
export type ActiveIntrospection = { active: true; [member: string]: unknown };

export type IntrospectionResponse = InactiveIntrospection | ActiveIntrospection;
