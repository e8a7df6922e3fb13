import { MessagePage } from "@/components/layout/message-page";

export default function Forbidden() {
  return <MessagePage titleKey="errors.forbiddenTitle" textKey="errors.forbiddenText" />;
}
