import { StartPage } from "@/components/start/start-page";

export default function Home() {
  return <StartPage />;
}
