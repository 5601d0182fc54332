/** The front end's entry: the page the server named renders from the data it inlined. */
import { html, render } from 'htm/preact';
import { AccountPage, type AccountBoot } from './account.js';
import { AccountsPage, type AccountsBoot } from './accounts.js';
import { EditorPage, type EditorBoot } from './editor.js';
import { RecalibrationPage, type RecalibrationBoot } from './recalibration.js';
import { boot } from './shared.js';

const main = document.getElementById('app')!;
main.textContent = '';
switch (main.dataset['page']) {
  case 'accounts':
    render(html`<${AccountsPage} boot=${boot<AccountsBoot>()} />`, main);
    break;
  case 'account':
    render(html`<${AccountPage} boot=${boot<AccountBoot>()} />`, main);
    break;
  case 'scorecard':
    render(html`<${EditorPage} boot=${boot<EditorBoot>()} />`, main);
    break;
  case 'recalibration':
    render(html`<${RecalibrationPage} boot=${boot<RecalibrationBoot>()} />`, main);
    break;
  default:
    console.error(`unknown page ${main.dataset['page']}`);
}
