export const metadata = { title: "Control", description: "A bare Next page: the bench's control." };

export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>
        <main>{children}</main>
      </body>
    </html>
  );
}
