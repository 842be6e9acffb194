import { render } from 'preact';

render(<p>Touchpoint</p>, document.getElementById('app') as HTMLElement);
