import { MessagePage } from "@/components/layout/message-page";

export default function NotFound() {
  return <MessagePage titleKey="errors.notFoundTitle" textKey="errors.notFoundText" />;
}
