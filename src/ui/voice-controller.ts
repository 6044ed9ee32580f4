import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Cue } from '../core/cue-policy';
import {
  loadVoiceSettings,
  saveVoiceSettings,
  VoiceCoach,
  type VoiceSettings,
} from './voice-coach';

/**
 * The spoken coach for a lit host: the person's voice settings (kept across visits) and the
 * speech itself, silenced when the host leaves the page.
 */
export class VoiceController implements ReactiveController {
  private current: VoiceSettings;
  private readonly speaker: VoiceCoach;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly storage: Storage | undefined = globalThis.localStorage,
  ) {
    this.current = loadVoiceSettings(storage);
    this.speaker = new VoiceCoach(this.current);
    host.addController(this);
  }

  /** Whether this browser can speak at all (else cues are only captions). */
  get canSpeak(): boolean {
    return VoiceCoach.supported;
  }

  get settings(): VoiceSettings {
    return this.current;
  }

  /** Applies and saves new settings. */
  set settings(settings: VoiceSettings) {
    this.current = settings;
    saveVoiceSettings(settings, this.storage);
    this.speaker.update(settings);
    this.host.requestUpdate();
  }

  speak(cue: Cue): void {
    this.speaker.speak(cue);
  }

  /** Stops what is being said. */
  stop(): void {
    this.speaker.stop();
  }

  hostDisconnected(): void {
    this.speaker.stop();
  }
}
