"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState } from "react";
import { useMayView } from "./permissions";

export const NAV_ITEMS = [
  { href: "/admin", label: "Overview" },
  { href: "/admin/authorization-servers", label: "Authorization Servers" },
  { href: "/admin/applications", label: "Applications" },
  { href: "/admin/users", label: "Users" },
  { href: "/admin/groups", label: "Groups" },
  { href: "/admin/sign-on-policies", label: "Sign-On Policies" },
  { href: "/admin/network-zones", label: "Network Zones" },
  { href: "/admin/trusted-origins", label: "Trusted Origins" },
  { href: "/admin/api-tokens", label: "API Tokens" },
  { href: "/admin/system-log", label: "System Log" },
  { href: "/admin/outbox", label: "Outbox" },
  { href: "/admin/branding", label: "Branding" },
  { href: "/admin/settings", label: "Settings" },
  { href: "/admin/admins", label: "Admins" },
] as const;

function isCurrent(pathname: string, href: string) {
  return href === "/admin" ? pathname === "/admin" : pathname === href || pathname.startsWith(`${href}/`);
}

function NavLinks({ onNavigate }: { onNavigate?: () => void }) {
  const pathname = usePathname() ?? "";
  const mayView = useMayView();
  return (
    <ul className="flex flex-col gap-1">
      {NAV_ITEMS.filter((item) => mayView(item.href)).map((item) => {
        const current = isCurrent(pathname, item.href);
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              onClick={onNavigate}
              aria-current={current ? "page" : undefined}
              className={`block rounded-md px-3 py-2 text-sm font-medium ${current ? "bg-brand-50 text-brand-700" : "text-slate-700 hover:bg-slate-100 hover:text-slate-900"}`}
            >
              {item.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

/** The sidebar on wide screens (the pages the admin's roles open); a disclosure menu below the header on narrow ones. */
export function AdminNav() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <nav aria-label="Admin" className="hidden w-60 shrink-0 border-r border-slate-200 bg-white px-3 py-4 lg:block">
        <NavLinks />
      </nav>
      <div className="border-b border-slate-200 bg-white px-4 py-2 lg:hidden">
        <button
          type="button"
          aria-expanded={open}
          aria-controls="admin-mobile-nav"
          onClick={() => setOpen((value) => !value)}
          className="inline-flex items-center gap-2 rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-800"
        >
          <span aria-hidden="true">☰</span> Menu
        </button>
        {open ? (
          <nav id="admin-mobile-nav" aria-label="Admin" className="mt-2">
            <NavLinks onNavigate={() => setOpen(false)} />
          </nav>
        ) : null}
      </div>
    </>
  );
}
