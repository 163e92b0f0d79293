/** What an admin can do to WhatsApp's link from the chat (the adapter registers it while it runs). */
export interface WhatsAppControls {
  /** The login QR WhatsApp shows now, as PNG; undefined when none is waiting (linked, or starting). */
  currentQr(): Promise<Buffer | undefined>;
  /**
   * An 8-character pairing code for the phone with this number (62…), the alternative to scanning the QR.
   * Throws PairingNotAwaited when WhatsApp is not waiting for a new link.
   */
  pairingCode(phoneNumber: string): Promise<string>;
}

/** Channel capabilities the core may use without importing a channel. */
export class ChannelControls {
  private whatsappControls: WhatsAppControls | undefined;

  get whatsapp(): WhatsAppControls | undefined {
    return this.whatsappControls;
  }

  /** Called by the WhatsApp adapter at start; the returned function removes it at stop. */
  setWhatsApp(controls: WhatsAppControls): () => void {
    this.whatsappControls = controls;
    return () => {
      if (this.whatsappControls === controls) this.whatsappControls = undefined;
    };
  }
}

/** A pairing code was asked for while WhatsApp is not waiting for a new link (it is connected, or starting). */
export class PairingNotAwaited extends Error {
  constructor(readonly state: string) {
    super(`WhatsApp is not waiting for a new link (state ${state})`);
    this.name = 'PairingNotAwaited';
  }
}
