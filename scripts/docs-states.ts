import fs from "node:fs";
import { withDiagrams } from "../lib/workflow/diagram";

// Rewrites the state diagrams in docs/ARCHITECTURE.md from the transition tables.
const file = "docs/ARCHITECTURE.md";
fs.writeFileSync(file, withDiagrams(fs.readFileSync(file, "utf8")));
console.log("state diagrams written to", file);
