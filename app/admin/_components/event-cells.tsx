import Link from "next/link";
import { Td, buttonClass, formatTime } from "./ui";

/** A System Log event's time, linking to its detail page. */
export function EventTimeCell({ uuid, published }: { uuid: string; published: string | Date }) {
  return (
    <Td className="whitespace-nowrap">
      <Link href={`/admin/system-log/${uuid}`} className={buttonClass.link}>
        {formatTime(published)}
      </Link>
    </Td>
  );
}

/** A System Log event's type and display message (and what else it names: a factor, a failure's reason). */
export function EventNameCell({ eventType, displayMessage, detail }: { eventType: string; displayMessage: string; detail?: string | null }) {
  return (
    <Td>
      <span className="break-all font-mono text-xs">{eventType}</span>
      <span className="block text-slate-600">{displayMessage}</span>
      {detail ? <span className="block text-xs text-slate-600">{detail}</span> : null}
    </Td>
  );
}
