import type { OrgKind, Role } from "@/db/schema/enums";

/** The signed-in user as every server check sees it, loaded fresh from the database per request. */
export interface Actor {
  userId: number;
  username: string;
  displayName: string;
  orgId: number;
  orgName: string;
  orgKind: OrgKind;
  orgPath: string;
  regionId: number;
  regionName: string;
  regionPath: string;
  roles: Role[];
  sessionId: string;
  ip?: string | null;
  /** An administrator chose the password: until the user changes it, only that and signing out are open. */
  mustChangePassword?: boolean;
}

/** Where an object sits in the organisation tree: the owning organisation's and its region's paths. */
export interface ObjectPlace {
  orgPath: string;
  regionPath: string;
}
