/**
 * The WXT module around the store build: adds the Vite plugin that compiles `facts/` into the virtual index and
 * card modules (`store/vite-plugin.ts`). WXT loads every module in `modules/` on its own.
 */
import { addViteConfig, defineWxtModule } from 'wxt/modules';
import { factsPlugin } from '../store/vite-plugin';

export default defineWxtModule({
  name: 'fact-store',
  setup(wxt) {
    addViteConfig(wxt, () => ({ plugins: [factsPlugin()] }));
  },
});
