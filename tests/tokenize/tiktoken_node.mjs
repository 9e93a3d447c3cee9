// Loads the npm `tiktoken` package (1.0.22) for the generator and fuzz scripts, from
// $TIKTOKEN_DIR (a directory holding node_modules/tiktoken) or bench/tokenize/.
import { readFileSync } from "fs";
import { createRequire } from "module";
import { dirname, join } from "path";
import { fileURLToPath } from "url";

const require = createRequire(import.meta.url);
const benchDir = fileURLToPath(new URL("../../bench/tokenize", import.meta.url));
const searchPaths = [process.env.TIKTOKEN_DIR, benchDir].filter(Boolean);
const entry = require.resolve("tiktoken", { paths: searchPaths });
const tiktoken = require(entry);

export const ENCODINGS = ["cl100k_base", "o200k_base"];
export const getEncoding = tiktoken.get_encoding;
export const version = JSON.parse(readFileSync(join(dirname(entry), "package.json"), "utf8")).version;
