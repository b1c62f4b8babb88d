// seeded: RL024 the TypeScript port has the id ext.email.send too; send.py comes first and is registered
export class SendEmail {
  inputSchema = {};
  outputSchema = {};
  execute(): void {}
}
