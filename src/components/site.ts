// Loaded on every page (config `head`): self-hosted fonts, nothing from outside the site.
import {loadFonts} from "./fonts.js";

loadFonts();
