import type { Metadata } from "next";
import { AccountFacts } from "@/components/steps/account-facts";
import { AccountRoute } from "@/components/steps/account-step";
import { ACCOUNTS_BY_ID } from "@/lib/catalog";
import { parseAccountKey } from "@/lib/plan";

type Params = { params: Promise<{ key: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const parsed = parseAccountKey(decodeURIComponent((await params).key));
  return { title: parsed ? ACCOUNTS_BY_ID[parsed.accountId].name : "Account" };
}

export default async function AccountPage({ params }: Params) {
  const accountKey = decodeURIComponent((await params).key);
  const parsed = parseAccountKey(accountKey);
  // What Microsoft says about the account holds for every plan: rendered here, the browser only shows what its plan selects.
  return (
    <AccountRoute
      accountKey={accountKey}
      name={parsed ? ACCOUNTS_BY_ID[parsed.accountId].name : "Account"}
      facts={parsed ? <AccountFacts accountId={parsed.accountId} /> : null}
    />
  );
}
