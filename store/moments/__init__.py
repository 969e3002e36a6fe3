"""The moments' workflows and what they show: capturing findings and turning them into
actions, visits, teams, measurements, reviews, the dashboard and the portfolio, the
demo. Each asks the model for the rules and the persistence for the records
(docs/architecture.md)."""
