/** The front end's entry: the page the server named renders from the data it inlined. */
import { html, render } from 'htm/preact';
import { AccountPage } from './account.js';
import { AccountsPage } from './accounts.js';
import { EditorPage } from './editor.js';
import { RecalibrationPage } from './recalibration.js';
import { boot } from './shared.js';
const main = document.getElementById('app');
main.textContent = '';
switch (main.dataset['page']) {
    case 'accounts':
        render(html `<${AccountsPage} boot=${boot()} />`, main);
        break;
    case 'account':
        render(html `<${AccountPage} boot=${boot()} />`, main);
        break;
    case 'scorecard':
        render(html `<${EditorPage} boot=${boot()} />`, main);
        break;
    case 'recalibration':
        render(html `<${RecalibrationPage} boot=${boot()} />`, main);
        break;
    default:
        console.error(`unknown page ${main.dataset['page']}`);
}
