// The shared training controls (src/components/controls/controls.ts), on the pages of exercise 1 (b) and (c)/(d):
// typed values, help lines, and links with settings announced at the top of the page.
import {expect} from "@playwright/test";
import {test} from "./fixtures.js";
import type {Page} from "@playwright/test";

const field = (page: Page, key: string) => page.locator(`form.settings .field[data-key=${key}]`);
const box = (page: Page, key: string) => field(page, key).locator("input[type=number]");

async function typeAndCommit(page: Page, key: string, text: string): Promise<void> {
  await box(page, key).fill(text);
  await box(page, key).press("Enter");
}

test("a typed value that is not allowed is refused beside its field, marked invalid, and nothing trains", async ({
  page
}) => {
  await page.goto("/ex1-b");
  await expect(page.locator(".source-note")).toContainText("published result");
  const cases: [string, string, RegExp][] = [
    ["epochs", "1e9", /“1e9” was not used: outside 1–5000\. Epochs stays 1000\./],
    ["epochs", "2.5", /“2\.5” was not used: not a whole number\. Epochs stays 1000\./],
    ["epochs", "10000", /outside 1–5000/],
    ["epochs", "-5", /outside 1–5000/],
    ["batch", "0", /“0” was not used: outside 1–100\. Batch size stays 8\./]
  ];
  for (const [key, text, message] of cases) {
    await typeAndCommit(page, key, text);
    await expect(box(page, key)).toHaveAttribute("aria-invalid", "true");
    const note = field(page, key).locator(".field-message");
    await expect(note).toBeVisible();
    await expect(note).toHaveText(message);
    // The reason is announced and tied to the box.
    await expect(note).toHaveAttribute("aria-live", "polite");
    expect((await box(page, key).getAttribute("aria-describedby"))!.split(" ")).toContain(
      await note.getAttribute("id")
    );
    // Leaving the box: it shows the value in use again, the message stays.
    await box(page, key).blur();
    await expect(box(page, key)).toHaveValue(key === "epochs" ? "1000" : "8");
    await expect(box(page, key)).not.toHaveAttribute("aria-invalid", "true");
    await expect(note).toBeVisible();
  }
  // A half-typed number ("1e") is not a number.
  await box(page, "lr").fill("");
  await box(page, "lr").pressSequentially("1e");
  await box(page, "lr").press("Enter");
  await expect(field(page, "lr").locator(".field-message")).toContainText("not a number");
  await box(page, "lr").blur();
  await expect(box(page, "lr")).toHaveValue("0.001");
  // Nothing of this trained, and the URL still has no settings.
  await page.waitForTimeout(400);
  await expect(page.locator(".progress-panel")).toHaveCount(0);
  await expect(page).toHaveURL(/\/ex1-b$/);
});

test("a typed value that is allowed trains exactly as shown, without passing through its first digits", async ({
  page
}) => {
  await page.goto("/ex1-b");
  // Typed key by key, slowly: "1", "15" and "150" would each be valid epochs.
  await box(page, "epochs").fill("");
  await box(page, "epochs").pressSequentially("150", {delay: 350});
  await expect(page.locator(".progress-panel")).toHaveCount(0);
  await box(page, "epochs").press("Enter");
  await expect(page).toHaveURL(/[?&]epochs=150\b/);
  await expect(page.locator(".progress-row[data-model=big] progress")).toHaveAttribute("max", "150");
  // A learning rate is kept as typed, not rounded to the slider's two digits.
  await typeAndCommit(page, "lr", "0.00123");
  await expect(page).toHaveURL(/[?&]lr=0\.00123\b/);
  await expect(box(page, "lr")).toHaveValue("0.00123");
  await box(page, "lr").blur();
  await expect(box(page, "lr")).toHaveValue("0.00123");
  await expect(page.locator(".run-note")).toContainText("learning rate 0.00123");
});

test("engine and initialisation each have a one-line explanation tied to the control", async ({page}) => {
  await page.goto("/ex1-b");
  for (const [key, words] of [
    [
      "engine",
      /wasm: WebAssembly \(float32, fastest\).*fused: .*float64.*tfjs: TensorFlow\.js \(the oracle\)/
    ],
    ["init", /torch: weights and biases from U.*tfjs: Glorot-normal weights and zero biases/]
  ] as const) {
    const help = field(page, key).locator(".field-help");
    await expect(help).toBeVisible();
    await expect(help).toHaveText(words);
    const described = await field(page, key).locator("select").getAttribute("aria-describedby");
    expect(described!.split(" ")).toContain(await help.getAttribute("id"));
  }
  // The default is the engine that trained the published results; older links keep working.
  await expect(field(page, "engine").locator("select option:checked")).toHaveText("wasm");
  for (const engine of ["fused", "tfjs"]) {
    await page.goto(`/ex1-b?engine=${engine}`);
    await expect(field(page, "engine").locator("select option:checked")).toHaveText(engine);
  }
});

test("a link with settings says so at the top of the page, names what it refused, and starts the run when the reader gets there", async ({
  page
}) => {
  await page.setViewportSize({width: 1280, height: 800});
  await page.goto("/ex1-cd?batch=16&smallOuter=40&epochs=200&lr=abc");
  const notice = page.locator(".link-notice");
  await expect(notice).toContainText(
    "In Retrain and watch the decoder: epochs 200, batch size 16 and small: outer width 40. A run with these settings starts when you get there.",
    {timeout: 20_000}
  );
  await expect(notice).toContainText("lr=abc (not a number)");
  // In the first screen, right under the title.
  const box = (await notice.boundingBox())!;
  expect(box.y).toBeLessThan(400);
  // The run waits off-screen.
  await page.waitForTimeout(800);
  await expect(page.locator(".progress-row[data-model=big]")).not.toHaveAttribute("data-phase", "done");
  await notice.getByRole("link", {name: "Retrain and watch the decoder"}).click();
  await expect(page).toHaveURL(/#retrain-and-watch-the-decoder$/);
  for (const m of ["pca", "small", "big"])
    await expect(page.locator(`.progress-row[data-model=${m}]`)).toHaveAttribute("data-phase", "done", {
      timeout: 40_000
    });
  await expect(page.locator(".progress-row[data-model=small] progress")).toHaveAttribute("max", "200");
});

test("a link to a published seed is announced without promising a run; back to the published result clears the notice", async ({
  page
}) => {
  await page.goto("/ex1-b?seed=3");
  const notice = page.locator(".link-notice");
  await expect(notice).toContainText("In Settings: seed 3.");
  await expect(notice).not.toContainText("starts when you get there");
  await expect(page.locator(".source-note")).toContainText("seed 3");
  await page.getByRole("button", {name: "Back to the published result"}).click();
  await expect(notice).toHaveCount(0);
});
