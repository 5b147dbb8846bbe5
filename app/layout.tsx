import type { Metadata } from "next";
import { connection } from "next/server";
import { getAppContext } from "@/lib/app-context";
import { readPageBrand } from "@/lib/hosted/read-hosted-branding";
import "./globals.css";
import { htmlLang } from "./_hosted/page-locale";

/** Page titles end with the brand's product name ("Sign in · <product>"), never a vendor's. */
export async function generateMetadata(): Promise<Metadata> {
  await connection(); // the brand is read per request (an admin may change it), never baked in at build time
  const { productName } = await readPageBrand(getAppContext());
  return {
    title: { default: productName, template: `%s · ${productName}` },
    description: "Self-hosted, Okta-compatible OAuth 2.0 Authorization Server and OpenID Provider",
    icons: { icon: "/logo.svg" },
  };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang={await htmlLang()}>
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">{children}</body>
    </html>
  );
}
