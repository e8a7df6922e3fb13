import { ActionForm } from "./action-form";
import type { TActionResult } from "@/lib/auth/authed-action";

type TAction = (previous: TActionResult | null, input: FormData) => Promise<TActionResult>;
type TSite = {
  id: string;
  name: string;
  address: string;
  postalCode: string;
  city: string;
  latitude: number;
  longitude: number;
  accessibility: string;
  openingHours: string;
  contactEmail: string | null;
  contactPhone: string | null;
  rooms: { id: string; name: string }[];
};

type TProps = {
  site: TSite;
  features: readonly string[];
  actions: { updateSite: TAction; saveRoom: TAction; deleteRoom: TAction; deleteSite: TAction };
  labels: Record<
    | "title"
    | "name"
    | "address"
    | "postalCode"
    | "city"
    | "latitude"
    | "longitude"
    | "accessibility"
    | "hours"
    | "email"
    | "phone"
    | "save"
    | "saved"
    | "addRoom"
    | "roomName"
    | "capacity"
    | "features"
    | "add"
    | "added"
    | "deleteRoom"
    | "deleted"
    | "deleteSite"
    | "deleteSiteHint",
    string
  >;
  featureLabel: (feature: string) => string;
};

/** The coordinator's forms for their site: details, a new room, deleting a room (refused while future sessions use it). */
export function SiteManagement({ site, features, actions, labels, featureLabel }: TProps) {
  const text = (name: string, label: string, value: string | number | null, type = "text") => (
    <>
      <label htmlFor={`site-${name}`}>{label}</label>
      <input
        id={`site-${name}`}
        name={name}
        type={type}
        step={type === "number" ? "any" : undefined}
        defaultValue={value ?? ""}
      />
    </>
  );
  return (
    <section aria-labelledby="site-management">
      <h2 id="site-management">{labels.title}</h2>
      <ActionForm
        id="update-site"
        action={actions.updateSite}
        hidden={{ siteId: site.id }}
        submitLabel={labels.save}
        doneMessage={labels.saved}
      >
        {text("name", labels.name, site.name)}
        {text("address", labels.address, site.address)}
        {text("postalCode", labels.postalCode, site.postalCode)}
        {text("city", labels.city, site.city)}
        {text("latitude", labels.latitude, site.latitude, "number")}
        {text("longitude", labels.longitude, site.longitude, "number")}
        <label htmlFor="site-accessibility">{labels.accessibility}</label>
        <textarea id="site-accessibility" name="accessibility" defaultValue={site.accessibility} />
        {text("openingHours", labels.hours, site.openingHours)}
        {text("contactEmail", labels.email, site.contactEmail, "email")}
        {text("contactPhone", labels.phone, site.contactPhone, "tel")}
      </ActionForm>
      <h3>{labels.addRoom}</h3>
      <ActionForm
        id="add-room"
        action={actions.saveRoom}
        hidden={{ siteId: site.id }}
        submitLabel={labels.add}
        doneMessage={labels.added}
      >
        <label htmlFor="room-name">{labels.roomName}</label>
        <input id="room-name" name="name" required />
        <label htmlFor="room-capacity">{labels.capacity}</label>
        <input id="room-capacity" name="capacity" type="number" min={1} required />
        <fieldset>
          <legend>{labels.features}</legend>
          {features.map((feature) => (
            <label key={feature}>
              <input type="checkbox" name="features" value={feature} /> {featureLabel(feature)}
            </label>
          ))}
        </fieldset>
      </ActionForm>
      {site.rooms.map((room) => (
        <ActionForm
          key={room.id}
          id={`delete-room-${room.id}`}
          action={actions.deleteRoom}
          hidden={{ roomId: room.id, siteId: site.id }}
          submitLabel={`${labels.deleteRoom} ${room.name}`}
          doneMessage={labels.deleted}
          isSecondary
        />
      ))}
      <p className="muted">{labels.deleteSiteHint}</p>
      <ActionForm
        id="delete-site"
        action={actions.deleteSite}
        hidden={{ siteId: site.id }}
        submitLabel={labels.deleteSite}
        doneMessage={labels.deleted}
        isSecondary
      />
    </section>
  );
}
