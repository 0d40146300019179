export * from "./enums";
export * from "./org";
export * from "./auth";
export * from "./fiscal";
export * from "./audit";
export * from "./indicator";
export * from "./project";
export * from "./objective";
