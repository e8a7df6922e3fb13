import { permanentRedirect } from "next/navigation";

// Enrolment requests joined the one approvals inbox (app/approvals); old links still land there.
export default function EnrolmentApprovalsPage(): never {
  permanentRedirect("/approvals");
}
