// The web app: one page, signed-in screens in shell.tsx, signed-out steps in screens/SignIn.tsx.
import type { JSX } from 'preact';
import { render } from 'preact';
import { useEffect } from 'preact/hooks';
import { ChooseWorkspace, InvitationStep, SignIn, Starting } from './screens/SignIn.js';
import { start, useSessionState } from './session.js';
import { Shell } from './shell.js';
import './styles/app.css';

function App(): JSX.Element {
  const state = useSessionState();
  useEffect(() => {
    void start();
  }, []);
  switch (state.kind) {
    case 'loading':
      return <Starting />;
    case 'signed-in':
      return <Shell />;
    case 'invitation':
      return <InvitationStep invitation={state.invitation} />;
    case 'choose-workspace':
      return <ChooseWorkspace workspaces={state.workspaces} />;
    case 'signed-out':
      return <SignIn reason={state.reason} />;
  }
}

render(<App />, document.getElementById('app') as HTMLElement);
