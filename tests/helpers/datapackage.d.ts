/** The little of `datapackage` (Frictionless Data's JavaScript library, no types of its own) the open-data test uses. */
declare module "datapackage" {
  export class Package {
    static load(descriptor: string | object, options?: { basePath?: string; strict?: boolean }): Promise<Package>;
    readonly valid: boolean;
    readonly errors: Error[];
    getResource(name: string): Resource | null;
  }
  export class Resource {
    read(options?: { keyed?: boolean; cast?: boolean; relations?: boolean; limit?: number }): Promise<unknown[]>;
  }
}
