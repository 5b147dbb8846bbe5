"use client";

import Link from "next/link";
import { createContext, useContext, type ComponentProps, type ReactNode } from "react";
import type { Permission } from "@/lib/dashboard/role-options";
import { actionPermission } from "@/lib/dashboard/actions/action-permissions";
import { mayView } from "@/lib/dashboard/page-permissions";

const PermissionsContext = createContext<readonly Permission[]>([]);

/** The signed-in admin's permissions, handed down once by the layout (the server checks every action and page again). */
export function PermissionsProvider({ permissions, children }: { permissions: readonly Permission[]; children: ReactNode }) {
  return <PermissionsContext.Provider value={permissions}>{children}</PermissionsContext.Provider>;
}

/** Whether the signed-in admin's roles let them run a dashboard action (ACTION_PERMISSIONS). */
export function useCanRun(action: string): boolean {
  const permissions = useContext(PermissionsContext);
  const permission = actionPermission(action);
  return permission !== undefined && permissions.includes(permission);
}

/** Whether the signed-in admin's roles open a dashboard page (PAGE_PERMISSIONS). */
export function useMayView(): (href: string) => boolean {
  const permissions = useContext(PermissionsContext);
  return (href) => mayView(permissions, href);
}

/** What a disabled control says to everyone, screen readers included. */
export const READ_ONLY_EXPLANATION = "Your role cannot change this.";

/** A link to a dashboard page, left out for an admin whose roles do not open it ("New user" for a read-only admin). */
export function PermittedLink(props: ComponentProps<typeof Link> & { href: string }) {
  const mayOpen = useMayView();
  return mayOpen(props.href) ? <Link {...props} /> : null;
}
