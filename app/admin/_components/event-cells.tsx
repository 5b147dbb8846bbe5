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

/** A System Log event's type and display message. */
export function EventNameCell({ eventType, displayMessage }: { eventType: string; displayMessage: string }) {
  return (
    <Td>
      <span className="break-all font-mono text-xs">{eventType}</span>
      <span className="block text-slate-600">{displayMessage}</span>
    </Td>
  );
}
