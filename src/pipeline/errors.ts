/**
 * The pipeline's own failures. The command turns them into the CLI's errors and exit codes; nothing under
 * src/pipeline decides how a failure is shown.
 */
export class BuildInterrupted extends Error {
  constructor() {
    super('The build was interrupted; nothing was cached.');
    this.name = 'BuildInterrupted';
  }
}
