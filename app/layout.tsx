import type { Metadata } from "next";
import "./globals.css";
import { htmlLang } from "./_hosted/page-locale";

export const metadata: Metadata = {
  title: { default: "Identity Provider", template: "%s · Identity Provider" },
  description: "Self-hosted, Okta-compatible OAuth 2.0 Authorization Server and OpenID Provider",
  icons: { icon: "/logo.svg" },
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang={await htmlLang()}>
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">{children}</body>
    </html>
  );
}
