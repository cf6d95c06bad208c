export function App() {
  return (
    <main>
      <h1>OTP sessions</h1>
    </main>
  );
}
