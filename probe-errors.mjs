import {chromium} from "@playwright/test";
const b = await chromium.launch({executablePath: "/usr/bin/chromium", args: ["--no-sandbox"]});
const p = await b.newPage();
p.on("console", (m) => { if (m.type() === "error" || m.type() === "warning") console.log("console:", m.type(), m.text().slice(0, 300)); });
p.on("pageerror", (e) => console.log("pageerror:", e.message));
await p.goto(`http://127.0.0.1:4395/${process.argv[2]}`, {waitUntil: "networkidle"});
await p.waitForTimeout(8000);
console.log((await p.evaluate(() => document.querySelector("main").innerText)).slice(0, 1500));
await b.close();
