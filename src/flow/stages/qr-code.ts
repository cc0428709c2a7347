/**
 * Draws `text` as a QR code on the canvas, at one pixel per module; CSS scales it up. The encoder
 * is loaded only here, so only the stage that shows a QR code downloads it.
 */
export async function drawQrCode(canvas: HTMLCanvasElement, text: string): Promise<void> {
  const { generate } = await import("lean-qr/nano");
  generate(text).toCanvas(canvas, { on: [0, 0, 0, 255], off: [255, 255, 255, 255], pad: 4 });
}
