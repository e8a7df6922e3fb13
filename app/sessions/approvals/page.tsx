import { permanentRedirect } from "next/navigation";

// Session requests joined the one approvals inbox (app/approvals); old links and notifications still land there.
export default function SessionApprovalsPage(): never {
  permanentRedirect("/approvals");
}
