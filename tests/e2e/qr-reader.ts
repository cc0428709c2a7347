import { expect, type Locator } from "@playwright/test";
import jsQR from "jsqr";
import { PNG } from "pngjs";

/** The text of the QR code in a PNG picture, if one can be found there. */
function decode(png: Buffer): string | undefined {
  const image = PNG.sync.read(png);
  const pixels = new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length);
  return jsQR(pixels, image.width, image.height)?.data;
}

/**
 * Reads the QR code an element shows, as a phone's camera would: from a screenshot of what is drawn
 * on screen, not from the markup. Waits until one can be read (it may be drawn after a lazy load).
 */
export async function readQrCode(element: Locator): Promise<string> {
  let text: string | undefined;
  await expect(async () => {
    text = decode(await element.screenshot({ animations: "disabled" }));
    expect(text, "a QR code readable in a screenshot of the element").toBeTruthy();
  }).toPass();
  return text!;
}
