import type { Metadata } from "next";
import { AccountRoute } from "@/components/steps/account-step";
import { ACCOUNTS_BY_ID } from "@/lib/catalog";
import { parseAccountKey } from "@/lib/plan";

type Params = { params: Promise<{ key: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const parsed = parseAccountKey(decodeURIComponent((await params).key));
  return { title: parsed ? ACCOUNTS_BY_ID[parsed.accountId].name : "Account" };
}

export default async function AccountPage({ params }: Params) {
  return <AccountRoute accountKey={decodeURIComponent((await params).key)} />;
}
