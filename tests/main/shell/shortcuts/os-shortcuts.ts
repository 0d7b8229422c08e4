/** A fake of the OS's global shortcut table for the shortcut and notification tests. */
import type { ShortcutRegistrar } from '../../../../main/shell/shortcuts/hotkey-registration';

/** An OS shortcut table where another program already holds some accelerators. */
export function osShortcuts(heldByOthers: string[]) {
  const ours = new Map<string, () => void>();
  const registrar: ShortcutRegistrar = {
    register(accelerator, callback) {
      if (accelerator === 'Bogus+Key') throw new TypeError('Error processing argument');
      if (heldByOthers.includes(accelerator) || ours.has(accelerator)) return false;
      ours.set(accelerator, callback);
      return true;
    },
    unregisterAll: () => ours.clear(),
  };
  return { registrar, ours, press: (accelerator: string) => ours.get(accelerator)?.() };
}
